export default function QueueLoading() {
  return (
    <div className="space-y-5" aria-busy="true">
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      <div className="border-line h-16 animate-pulse rounded-lg border bg-white" />
      <div className="border-line divide-line divide-y rounded-lg border bg-white">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="space-y-2 px-12 py-5">
            <div className="h-4 w-1/3 animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-2/3 animate-pulse rounded bg-slate-200" />
            <div className="h-12 w-full animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}

// The form controls without tailwind-merge, for forms whose page keeps its first load small (the
// sign-in and new-article forms): their classes are joined, not merged. A className here may only
// add classes that set nothing inputClass sets (width, flex, margins, grid placement); to override
// one of them (padding, height, border…), use ./field.tsx's Input and Select, which merge with cn().
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { joinClasses } from "./classes";
import { inputClass } from "./input-class";

export { inputClass };

/** A label, the control, then its hint or its error. className places it (grid span, width). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={joinClasses("space-y-1.5", className)}>
      <label htmlFor={id} className="text-ink block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-muted text-xs">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-disputed text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function PlainInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={joinClasses(inputClass, className)} {...props} />;
}

export function PlainSelect({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={joinClasses(inputClass, "pr-8", className)} {...props} />;
}

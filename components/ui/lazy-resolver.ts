import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver loaded on first use. Forms validate with the shared zod schemas of
 * lib/validation, but zod weighs about 40 kB gzipped: importing it inside `load` keeps it out of
 * the JavaScript a page loads first. It arrives when the form is first validated (on submit),
 * or earlier through `preload` (e.g. when a field gets focus).
 */
export function lazyResolver<TInput extends FieldValues, TContext, TOutput>(
  load: () => Promise<Resolver<TInput, TContext, TOutput>>,
): Resolver<TInput, TContext, TOutput> & { preload: () => void } {
  let loaded: Promise<Resolver<TInput, TContext, TOutput>> | undefined;
  const get = () => (loaded ??= load());
  const resolver = (async (values, context, options) => (await get())(values, context, options)) as Resolver<
    TInput,
    TContext,
    TOutput
  >;
  return Object.assign(resolver, { preload: () => void get() });
}

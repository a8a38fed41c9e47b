// Button without tailwind-merge, for forms whose page keeps its first load small (the sign-in and
// new-article forms): className may only add classes that set nothing buttonClass sets (width,
// margins); to override one (a text colour, a padding), use ./button.tsx's Button, which merges.
import type { ButtonProps } from "./button";
import { buttonClass } from "./button-class";
import { joinClasses } from "./classes";

export function PlainButton({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...props
}: ButtonProps) {
  return <button type={type} className={joinClasses(buttonClass(variant, size), className)} {...props} />;
}

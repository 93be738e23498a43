import { useEffect, useRef, type ReactNode } from 'react';

/** Each screen's h1 takes focus when the screen opens, so screen readers announce where the candidate is. */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

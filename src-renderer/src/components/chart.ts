/** The theme's accent for chart lines and bars; the fallback is the light theme's, for a chart drawn before the stylesheet. */
export const ACCENT = 'var(--accent, #2450b2)';

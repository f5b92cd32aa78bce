// What the benchmarks share: the median of a run's figures, and the in-page expression that
// times an action to the next paint (requestAnimationFrame, then a task).

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The expression for `page.evaluate`: runs `act` (a function's source), resolves with ms. */
export const paint = (act) => `new Promise((done) => {
  const t0 = performance.now();
  (${act})();
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
})`;

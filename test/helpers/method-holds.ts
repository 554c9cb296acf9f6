/** Calls of a fake API's method that wait, unanswered, until the test lets them go (both fakes use it). */
export function methodHolds() {
  const holds = new Map<string, Promise<void>>();
  return {
    /** resolves at once unless `method` is held */
    passed: (method: string): Promise<void> | undefined => holds.get(method),
    /** holds `method` until the returned function is called */
    hold(method: string): () => void {
      let release = () => {};
      holds.set(
        method,
        new Promise<void>((resolve) => {
          release = () => {
            holds.delete(method);
            resolve();
          };
        }),
      );
      return release;
    },
  };
}

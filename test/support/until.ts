/** Resolves once `condition` holds, checked every `everyMs`; fails the test after `withinMs`. */
export async function until(condition: () => boolean | Promise<boolean>, withinMs = 5000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

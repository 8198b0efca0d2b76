/**
 * Lets the bodies below be hard-wrapped for readability in source: within each blank-line
 * separated block, a line that does not start a list item, quote or heading is joined to the
 * line before it with a space.
 */
export function md(source: string): string {
  return source
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines: string[] = [];
      let current: string | undefined;
      for (const raw of block.split('\n')) {
        const line = raw.trim();
        if (line === '') continue;
        if (current !== undefined && !/^(?:[-*] |> |#{1,6} |\d+\. )/.test(line)) {
          current = `${current} ${line}`;
        } else {
          if (current !== undefined) lines.push(current);
          current = line;
        }
      }
      if (current !== undefined) lines.push(current);
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * A label broken into lines of at most `chars` characters at spaces (a
 * longer word keeps its own line), at most `maxLines` of them, the last
 * ending in «…» when the text goes on. SVG text does not wrap by itself.
 */
export function wrapWords(text: string, chars: number, maxLines: number): string[] {
  // A no-break space joins what must stay together («№\u00a05»): only ordinary spaces break.
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= chars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

// Inline span markers for unit tests (langium style): `x = <|1.2.3|>` is the text `x = 1.2.3`
// with one marked span [4, 9). Markers may repeat; spans are returned in order.

/** Strips `<|` `|>` markers; returns the text and the marked half-open spans. */
export function marked(src: string): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < src.length; i++) {
    if (src.startsWith('<|', i)) {
      open = text.length;
      i++;
    } else if (src.startsWith('|>', i) && open >= 0) {
      spans.push({ start: open, end: text.length });
      open = -1;
      i++;
    } else text += src[i];
  }
  return { text, spans };
}

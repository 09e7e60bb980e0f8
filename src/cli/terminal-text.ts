/**
 * Text from a user's files, made safe to print on a terminal. An error or warning quotes what it
 * read (a CSV header, a scenario id, a cell), and a file can hold control characters: a
 * binary file read as CSV, or an escape sequence (ESC [ ...) that a terminal would obey, clearing
 * the screen or retitling the window. Those are shown as escapes (`\x1b`, `\u0085`); line breaks
 * and tabs, which messages use themselves, pass.
 *
 * A file can also hold a name of any length (an id of 100,000 letters is a valid id), and a
 * message names it in every field path it places: 600 KB of error for four problems. A "word" of
 * LONG_WORD characters or more (no path or name a person typed is that long) is shown by its
 * start and end and its length.
 */

// C0 controls but tab and line feed, DEL, and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const LONG_WORD = 400;
const LONG = new RegExp(`\\S{${LONG_WORD},}`, 'g');

export function visible(text: string): string {
  return text.replace(LONG, (w) => `${w.slice(0, 120)}...(${w.length - 160} characters)...${w.slice(-40)}`).replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

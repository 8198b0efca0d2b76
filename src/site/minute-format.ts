/**
 * A date format whose finest unit is the minute, remembered per minute: `Intl` formatting
 * costs microseconds a call, and a page formats the same few moments on every render.
 */
export interface MinuteFormat {
  format(date: Date): string;
}

/** Enough for every moment a site shows at once; past it the memory starts again. */
const rememberedMinutes = 4096;

/** Wraps a formatter that shows nothing finer than minutes (no seconds, no fractions). */
export function byMinute(formatter: Intl.DateTimeFormat): MinuteFormat {
  const texts = new Map<number, string>();
  return {
    format(date: Date): string {
      const minute = Math.floor(date.getTime() / 60_000);
      let text = texts.get(minute);
      if (text === undefined) {
        text = formatter.format(date);
        if (texts.size >= rememberedMinutes) texts.clear();
        texts.set(minute, text);
      }
      return text;
    },
  };
}

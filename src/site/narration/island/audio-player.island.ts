// The article audio player's island: skip ±15 s and playback speed. Without it the
// native <audio> controls still play, pause and seek. No imports: tsc's output is the
// whole script (see docs/adr/0004 and 0010).
export {};

function setUp(root: HTMLElement): void {
  const audio = root.querySelector('audio');
  const tools = root.querySelector<HTMLElement>('[data-audio-tools]');
  if (audio === null || tools === null) return;
  tools.hidden = false;
  for (const button of tools.querySelectorAll<HTMLButtonElement>('button[data-skip]')) {
    button.addEventListener('click', () => {
      const step = Number(button.dataset.skip);
      const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
      audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + step));
    });
  }
  const speed = tools.querySelector<HTMLSelectElement>('select[data-speed]');
  speed?.addEventListener('change', () => {
    const rate = Number(speed.value);
    if (rate > 0) audio.playbackRate = rate;
  });
  // The rate survives the browser resetting it when the source loads.
  audio.addEventListener('ratechange', () => {
    if (speed !== null && Number(speed.value) !== audio.playbackRate) {
      speed.value = String(audio.playbackRate);
    }
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-audio-player]')) setUp(root);

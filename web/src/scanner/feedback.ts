// Success / error feedback a counter notices without looking: a short beep (WebAudio) and a vibration.
let audio: AudioContext | null = null;

function beep(freq: number, ms: number, times = 1): void {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    for (let i = 0; i < times; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = freq;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(ctx.destination);
      const start = ctx.currentTime + i * (ms / 1000 + 0.06);
      osc.start(start);
      osc.stop(start + ms / 1000);
    }
  } catch {
    // No audio device (or not allowed yet): vibration and the screen still tell.
  }
}

export const feedback = {
  ok(): void {
    beep(1760, 70);
    navigator.vibrate?.(40);
  },
  error(): void {
    beep(220, 160, 2);
    navigator.vibrate?.([120, 60, 120]);
  },
};

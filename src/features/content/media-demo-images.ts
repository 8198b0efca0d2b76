import sharp from 'sharp';

/**
 * Original, photo-like pictures for the demo newsroom, drawn locally as SVG and rendered
 * to PNG by sharp: no network, no stock photos, no fonts. The same seed and label always
 * give the same picture.
 */

type Random = () => number;

/** FNV-1a over the text, so labels vary the picture as much as seeds do. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and good enough for shapes and grain. */
function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: Random, low: number, high: number): number =>
  low + (high - low) * random();
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const n = (value: number): string => value.toFixed(1);

const W = 1600;
const H = 1000;

function gradient(id: string, stops: readonly string[], vertical = true): string {
  const end = vertical ? 'x2="0" y2="1"' : 'x2="1" y2="0"';
  const parts = stops.map(
    (colour, i) => `<stop offset="${n((i / (stops.length - 1)) * 100)}%" stop-color="${colour}"/>`,
  );
  return `<linearGradient id="${id}" x1="0" y1="0" ${end}>${parts.join('')}</linearGradient>`;
}

const blur = (id: string, amount: number): string =>
  `<filter id="${id}" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="${amount}"/></filter>`;

/** A city skyline at dusk: hazy far towers, dark near towers with lit windows. */
function skyline(random: Random): string {
  const sky = pick(random, [
    ['#1d2b53', '#7e4a8c', '#f08a5d', '#f9c784'],
    ['#0f2540', '#2f5d8a', '#e39b6b', '#f6d6a8'],
    ['#22223b', '#4a4e69', '#c9ada7', '#f2e9e4'],
  ]);
  const sunX = between(random, 300, 1300);
  let far = '';
  let near = '';
  let windows = '';
  for (let x = -40; x < W; x += between(random, 60, 140)) {
    const h = between(random, 180, 480);
    far += `<rect x="${n(x)}" y="${n(760 - h)}" width="${n(between(random, 50, 120))}" height="${n(h + 300)}"/>`;
  }
  for (let x = -20; x < W; x += between(random, 90, 190)) {
    const w = between(random, 80, 170);
    const top = between(random, 420, 760);
    near += `<rect x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(H - top)}"/>`;
    for (let wy = top + 20; wy < H - 30; wy += 28) {
      for (let wx = x + 12; wx < x + w - 16; wx += 22) {
        if (random() < 0.3) {
          const glow = pick(random, ['#ffd27a', '#ffe7b0', '#f7b267']);
          windows += `<rect x="${n(wx)}" y="${n(wy)}" width="9" height="13" fill="${glow}"/>`;
        }
      }
    }
  }
  return `<defs>${gradient('sky', sky)}${blur('haze', 6)}
    <radialGradient id="sun"><stop offset="0%" stop-color="#fff3d6" stop-opacity="0.95"/><stop offset="100%" stop-color="#fff3d6" stop-opacity="0"/></radialGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <circle cx="${n(sunX)}" cy="720" r="420" fill="url(#sun)"/>
    <g fill="${sky[1] ?? '#333'}" opacity="0.55" filter="url(#haze)">${far}</g>
    <g fill="#121420">${near}</g><g opacity="0.85">${windows}</g>`;
}

/** Rolling farmland under a wide sky, with rows running to the horizon and a few trees. */
function fields(random: Random): string {
  const sky = pick(random, [
    ['#8ec5e8', '#cfe6f2', '#f4efe1'],
    ['#a7b8c9', '#dfe3e0', '#f2e4c9'],
  ]);
  const crops = pick(random, [
    ['#6b8f3a', '#a3b84c', '#d9b44a', '#4f7a32'],
    ['#7f9c52', '#c8a951', '#5d7f3b', '#b5c46a'],
  ]);
  const horizon = between(random, 420, 560);
  let bands = '';
  for (let i = 0; i < 5; i += 1) {
    const y = horizon + i * between(random, 40, 120);
    const c1 = between(random, -60, 60);
    const c2 = between(random, -60, 60);
    bands += `<path d="M0 ${n(y)} C ${n(W * 0.3)} ${n(y + c1)}, ${n(W * 0.7)} ${n(y + c2)}, ${W} ${n(y + c1 / 2)} L ${W} ${H} L 0 ${H} Z" fill="${crops[i % crops.length] ?? '#6b8f3a'}"/>`;
  }
  // Rows run towards a vanishing point on the horizon but stop short of it, where they
  // would merge into a dark spot.
  let rows = '';
  const vanishX = between(random, 500, 1100);
  const start = (horizon + 140 - (horizon + 40)) / (H - (horizon + 40));
  for (let x = -800; x < W + 800; x += 70) {
    const x1 = vanishX + (x - vanishX) * start;
    rows += `<line x1="${n(x1)}" y1="${n(horizon + 140)}" x2="${n(x)}" y2="${H}"/>`;
  }
  let trees = '';
  for (let i = 0; i < 4; i += 1) {
    const x = between(random, 80, W - 80);
    const y = horizon + between(random, 0, 40);
    const r = between(random, 18, 40);
    trees += `<rect x="${n(x - 3)}" y="${n(y - r * 0.4)}" width="6" height="${n(r)}" fill="#3b2f24"/><circle cx="${n(x)}" cy="${n(y - r)}" r="${n(r)}" fill="#2f4a25"/>`;
  }
  return `<defs>${gradient('sky', sky)}${blur('far', 3)}</defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <ellipse cx="${n(between(random, 200, 1400))}" cy="${n(horizon - 160)}" rx="380" ry="60" fill="#ffffff" opacity="0.35" filter="url(#far)"/>
    <path d="M0 ${n(horizon)} Q ${n(W * 0.25)} ${n(horizon - 90)} ${n(W * 0.5)} ${n(horizon - 20)} T ${W} ${n(horizon - 40)} V ${H} H 0 Z" fill="#7d9a8c" opacity="0.7" filter="url(#far)"/>
    ${bands}<g stroke="#000" stroke-opacity="0.08" stroke-width="5">${rows}</g><g filter="url(#far)">${trees}</g>`;
}

/** A briefing room, abstracted: lectern and microphones, a bokeh backdrop, the press seen from behind. */
function pressRoom(random: Random): string {
  const wall = pick(random, [
    ['#13294b', '#1f4e79'],
    ['#3a2e39', '#5b4b5a'],
    ['#1e3b36', '#2f5d50'],
  ]);
  let bokeh = '';
  for (let i = 0; i < 40; i += 1) {
    const colour = pick(random, ['#ffffff', '#ffe9b3', '#b3d4ff', '#ffd1dc']);
    bokeh += `<circle cx="${n(between(random, 0, W))}" cy="${n(between(random, 0, 620))}" r="${n(between(random, 12, 60))}" fill="${colour}" opacity="${n(between(random, 0.08, 0.3))}"/>`;
  }
  let mics = '';
  for (let i = 0; i < 5; i += 1) {
    const x = 720 + i * 40 + between(random, -8, 8);
    const tip = between(random, 520, 560);
    mics += `<line x1="800" y1="640" x2="${n(x)}" y2="${n(tip)}" stroke="#0b0b0b" stroke-width="6"/><rect x="${n(x - 11)}" y="${n(tip - 30)}" width="22" height="36" rx="10" fill="${pick(random, ['#1a1a1a', '#c0392b', '#2c3e50', '#7f8c8d'])}"/>`;
  }
  let heads = '';
  for (let x = -40; x < W + 60; x += between(random, 110, 170)) {
    const y = between(random, 900, 960);
    heads += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="62" ry="76"/><rect x="${n(x - 120)}" y="${n(y + 50)}" width="240" height="200" rx="90"/>`;
  }
  return `<defs>${gradient('wall', wall)}${blur('soft', 14)}${blur('near', 9)}
    <radialGradient id="spot" cx="50%" cy="35%" r="55%"><stop offset="0%" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="100%" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#wall)"/>
    <g filter="url(#soft)">${bokeh}</g><rect width="${W}" height="${H}" fill="url(#spot)"/>
    <g fill="#1b1b22" filter="url(#near)"><ellipse cx="800" cy="488" rx="56" ry="70"/><rect x="778" y="540" width="44" height="50"/></g>
    <path d="M680 640 C 690 560, 910 560, 920 640 Z" fill="#1b1b22"/>
    <path d="M650 640 H 950 L 910 1000 H 690 Z" fill="#2a2a31"/>
    <rect x="650" y="630" width="300" height="22" fill="#3c3c45"/>${mics}
    <g fill="#07070a" filter="url(#near)">${heads}</g>`;
}

/** A harbour at low sun: sea, headland, a few moored boats and light on the water. */
function coast(random: Random): string {
  const sky = pick(random, [
    ['#f6d5a8', '#f0a78a', '#6c7a9c'],
    ['#dce8f0', '#a9c6d9', '#5c7f99'],
  ]);
  const horizon = between(random, 480, 580);
  let glints = '';
  const sunX = between(random, 400, 1200);
  for (let i = 0; i < 70; i += 1) {
    const y = between(random, horizon + 10, H);
    const spread = (y - horizon) * 0.6;
    glints += `<rect x="${n(sunX + between(random, -spread, spread))}" y="${n(y)}" width="${n(between(random, 20, 90))}" height="3" fill="#fff6e0" opacity="${n(between(random, 0.2, 0.7))}"/>`;
  }
  let boats = '';
  for (let i = 0; i < 3; i += 1) {
    const x = between(random, 150, 1450);
    const y = horizon + between(random, 60, 260);
    const s = between(random, 0.6, 1.3);
    boats += `<path d="M${n(x - 70 * s)} ${n(y)} L ${n(x + 70 * s)} ${n(y)} L ${n(x + 50 * s)} ${n(y + 22 * s)} L ${n(x - 55 * s)} ${n(y + 22 * s)} Z"/><line x1="${n(x)}" y1="${n(y)}" x2="${n(x)}" y2="${n(y - 130 * s)}" stroke="#1d2430" stroke-width="${n(4 * s)}"/>`;
  }
  return `<defs>${gradient('sky', sky)}${gradient('sea', ['#3d5a73', '#1c2d3d'])}${blur('haze', 4)}</defs>
    <rect width="${W}" height="${n(horizon + 2)}" fill="url(#sky)"/>
    <circle cx="${n(sunX)}" cy="${n(horizon - 90)}" r="70" fill="#fff3d6" opacity="0.9" filter="url(#haze)"/>
    <rect y="${n(horizon)}" width="${W}" height="${n(H - horizon)}" fill="url(#sea)"/>
    <path d="M${n(between(random, 900, 1200))} ${n(horizon)} Q 1400 ${n(horizon - 200)} ${W} ${n(horizon - 240)} V ${n(horizon)} Z" fill="#2b3a2f" filter="url(#haze)"/>
    ${glints}<g fill="#1d2430">${boats}</g>`;
}

const scenes = [skyline, fields, pressRoom, coast] as const;

const vignette = `<defs><radialGradient id="vignette" r="90%"><stop offset="45%" stop-color="#000" stop-opacity="0"/><stop offset="100%" stop-color="#000" stop-opacity="0.4"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#vignette)"/>`;

/** A little film grain makes flat vector shapes read as a photograph. */
async function withGrain(svg: string, width: number, height: number, random: Random) {
  const noise = Buffer.alloc(width * height);
  for (let i = 0; i < noise.length; i += 1) noise[i] = 128 + Math.round((random() - 0.5) * 36);
  return sharp(Buffer.from(svg))
    .resize(width, height)
    .composite([{ input: noise, raw: { width, height, channels: 1 }, blend: 'soft-light' }])
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
}

function svgOf(width: number, height: number, viewBox: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${viewBox}" preserveAspectRatio="xMidYMid slice">${body}</svg>`;
}

/** A photo-like landscape PNG; the seed picks the scene, the label varies its details. */
export async function renderDemoImage(options: {
  width: number;
  height: number;
  seed: number;
  label: string;
}): Promise<Buffer> {
  const { width, height, seed, label } = options;
  const random = randomFrom(hashOf(`${seed}:${label}`));
  const scene = scenes[Math.abs(Math.trunc(seed)) % scenes.length] ?? skyline;
  const svg = svgOf(width, height, `0 0 ${W} ${H}`, scene(random) + vignette);
  return withGrain(svg, width, height, random);
}

/** A 600×600 studio-style portrait: an abstract head and shoulders on a coloured backdrop. */
export async function renderDemoPortrait(options: {
  seed: number;
  initials: string;
}): Promise<Buffer> {
  const random = randomFrom(hashOf(`portrait:${options.seed}:${options.initials}`));
  const backdrop = pick(random, [
    ['#d9e4ec', '#9fb6c8'],
    ['#efe2d0', '#c9a98a'],
    ['#dfe8dc', '#9db39a'],
    ['#e8dbe6', '#b69ab0'],
    ['#3c4a5c', '#1f2833'],
  ]);
  const skin = pick(random, ['#f1c7a5', '#d9a27e', '#b57a55', '#8d5a3b', '#5f3b25']);
  const hair = pick(random, ['#1d1a17', '#3b2a1f', '#6b4a2f', '#a67b4f', '#8c8c8c']);
  const cloth = pick(random, ['#2d3e50', '#6d2e46', '#2f4f4f', '#3d3d3d', '#8a6d3b', '#1f4e79']);
  const hairStyle = pick(random, [
    `<ellipse cx="300" cy="222" rx="112" ry="102"/>`,
    `<path d="M185 250 C 180 120, 420 120, 415 250 L 430 460 L 170 460 Z"/>`,
    `<ellipse cx="300" cy="215" rx="108" ry="90"/><circle cx="300" cy="118" r="48"/>`,
    `<ellipse cx="300" cy="205" rx="104" ry="70"/>`,
  ]);
  const tilt = n(between(random, -4, 4));
  const body = `<defs>${gradient('bg', backdrop)}${blur('soft', 2)}${blur('light', 40)}
    <radialGradient id="key" cx="35%" cy="30%" r="60%"><stop offset="0%" stop-color="#fff" stop-opacity="0.22"/><stop offset="100%" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
    <rect width="600" height="600" fill="url(#bg)"/>
    <circle cx="${n(between(random, 120, 480))}" cy="${n(between(random, 80, 220))}" r="160" fill="#ffffff" opacity="0.18" filter="url(#light)"/>
    <g filter="url(#soft)" transform="rotate(${tilt} 300 420)">
      <g fill="${hair}">${hairStyle}</g>
      <rect x="262" y="300" width="76" height="110" rx="30" fill="${skin}"/>
      <path d="M60 600 C 70 450, 170 400, 300 400 C 430 400, 530 450, 540 600 Z" fill="${cloth}"/>
      <path d="M255 402 L 300 470 L 345 402 Z" fill="${skin}" opacity="0.9"/>
      <ellipse cx="300" cy="250" rx="92" ry="112" fill="${skin}"/>
      <ellipse cx="208" cy="262" rx="14" ry="24" fill="${skin}"/><ellipse cx="392" cy="262" rx="14" ry="24" fill="${skin}"/>
      <ellipse cx="300" cy="250" rx="92" ry="112" fill="url(#key)"/>
    </g>`;
  const svg = svgOf(600, 600, '0 0 600 600', body);
  return withGrain(svg, 600, 600, random);
}

// Where the two generals' pictures put things for a size. Pure.
import type { Point, Size } from '../shared/geometry.ts';

export interface TownLayout { west: Point; east: Point; valley: Point; hillR: number; fontSize: number; captionY: number }

/** Two hills at the sides, the valley between them lower down, the battle's words along the bottom. */
export function townLayout(size: Size): TownLayout {
  const fontSize = size.width < 500 ? 11 : 13;
  const hillR = Math.max(40, Math.min(size.width * 0.14, size.height * 0.28));
  const base = size.height * 0.55;
  return {
    west: { x: size.width * 0.16, y: base - hillR * 0.55 }, east: { x: size.width * 0.84, y: base - hillR * 0.55 },
    valley: { x: size.width / 2, y: base + hillR * 0.25 }, hillR, fontSize, captionY: size.height - 2 * fontSize - 8,
  };
}

export interface TechLayout { left: number; right: number; top: number; rowH: number; fontSize: number; timeX: (t: number) => number }

/** One row per messenger, time left to right from the start to dawn. */
export function techLayout(size: Size, dawn: number, rows: number): TechLayout {
  const fontSize = size.width < 500 ? 11 : 12;
  const left = Math.min(200, size.width * 0.3);
  const right = size.width - 16;
  const top = 5 * fontSize + 30;
  const rowH = Math.max(fontSize + 6, Math.min(30, (size.height - top - 3 * fontSize) / Math.max(1, rows)));
  const span = Math.max(1, dawn);
  return { left, right, top, rowH, fontSize, timeX: (t) => left + (right - left) * Math.min(1, Math.max(0, t / span)) };
}

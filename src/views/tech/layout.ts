// Where the technical view puts its boxes: the broker in the middle (when there is one), every other
// node on an ellipse around it.
import { clamp, type Point, type Size } from '../shared/geometry.ts';

export interface TechLayout {
  box: { w: number; h: number };
  broker: { w: number; h: number } | null;
  centre: Point;
  at: Record<string, Point>;
  fontSize: number;
}

export function techLayout(size: Size, ids: readonly string[], brokerRows: number | null, lines: number, longest = 24): TechLayout {
  const fontSize = clamp(Math.round(Math.min(size.width, size.height) / 45), 11, 15);
  const lineH = fontSize + 4;
    // Wide enough for the longest line (monospace: about 0.6 em per character), yet never crowding the ring.
  const box = { w: clamp(longest * (fontSize - 1) * 0.61 + 22, 150, Math.max(150, Math.min(320, size.width * 0.3))), h: lineH * (lines + 1) + 12 };
  const centre = { x: size.width / 2, y: size.height / 2 };
  const broker = brokerRows === null ? null : {
    w: clamp(size.width * 0.34, 200, 380),
    h: Math.min(size.height * 0.5, lineH * (Math.max(1, brokerRows) * 2 + 2) + 16),
  };
  const rx = Math.max(size.width / 2 - box.w / 2 - 8, 0);
  const ry = Math.max(size.height / 2 - box.h / 2 - 8, 0);
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / Math.max(1, ids.length);
    at[id] = { x: centre.x + rx * Math.cos(a), y: centre.y + ry * Math.sin(a) };
  });
  return { box, broker, centre, at, fontSize };
}

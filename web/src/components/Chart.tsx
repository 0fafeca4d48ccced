/**
 * An Apache ECharts chart, loaded on first use (echarts-setup.ts is its own chunk, so the
 * first page carries no chart library). The option is plain data; a text summary is given for
 * screen readers, since a canvas says nothing.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from './echarts-setup.js';

export type { ChartOption };

export function Chart({ option, height = 260, summary }: { option: ChartOption; height?: number; summary: string }) {
  const el = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    import('./echarts-setup.js').then(
      ({ mount }) => {
        if (disposed || !el.current) return;
        dispose = mount(el.current, option);
      },
      (e: unknown) => setFailed(String(e)),
    );
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [option]);
  return (
    <figure className="chart">
      <div ref={el} style={{ height, width: '100%' }} role="img" aria-label={summary} />
      {failed && <figcaption className="error">{failed}</figcaption>}
    </figure>
  );
}

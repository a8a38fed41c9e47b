"use client";

// Only the recharts pieces these charts use; the module is loaded on the insights page only
// (through components/insights-chart.tsx), never in the shared bundle.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; label: string; color: string };
export type Row = Record<string, string | number | null>;

const AXIS = { fontSize: 12, fill: "#5b6472" };
const GRID = "#e3e6eb";

/** Bars stacked by series: weeks along the bottom, or names down the side for rankings. */
export function StackedBars({
  data,
  categoryKey,
  series,
  horizontal = false,
  height = 288,
  unit,
  legend = true,
}: {
  data: Row[];
  categoryKey: string;
  series: Series[];
  horizontal?: boolean;
  height?: number;
  /** Shown after the values on the axis and in the tooltip, e.g. "h". */
  unit?: string;
  legend?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={GRID} vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={AXIS} unit={unit} />
            <YAxis type="category" dataKey={categoryKey} width={170} tick={AXIS} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={AXIS} />
            <YAxis allowDecimals={unit !== undefined} tick={AXIS} width={unit ? 48 : 36} unit={unit} />
          </>
        )}
        <Tooltip
          cursor={{ fill: "rgba(31, 79, 209, 0.06)" }}
          formatter={unit ? (value) => `${String(value)} ${unit}` : undefined}
        />
        {legend ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="all"
            isAnimationActive={false}
            fill={s.color}
            maxBarSize={horizontal ? 22 : 36}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

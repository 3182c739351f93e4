const selectKth = (values: number[] | Float64Array, k: number): number => {
  // Quickselect: the bootstrap takes thousands of medians, and sorting each resample would dominate its cost.
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j]!, values[i]!];
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
};

/** Continuous percentile (linear interpolation between closest ranks), as Postgres `percentile_cont`. */
export const computePercentile = (input: ReadonlyArray<number>, fraction: number): number | null => computePercentileInPlace([...input], fraction);

/** The same, reordering `values` instead of copying them (for buffers built just for this call). */
export const computePercentileInPlace = (values: number[] | Float64Array, fraction: number): number | null => {
  if (values.length === 0) return null;
  const position = (values.length - 1) * fraction;
  const lower = Math.floor(position);
  const below = selectKth(values, lower);
  if (position === lower) return below;
  // After selecting `lower`, everything to its right is ≥ it: the next rank is the minimum of that part.
  let above = Infinity;
  for (let index = lower + 1; index < values.length; index++) if (values[index]! < above) above = values[index]!;
  return below + (above - below) * (position - lower);
};

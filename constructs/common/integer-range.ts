/** Range checks shared by the config checks of several kinds. */

/** True when `value` is a whole number from `min` to `max`, both included. */
export const isIntegerIn = (value: number, min: number, max: number): boolean => Number.isInteger(value) && value >= min && value <= max;

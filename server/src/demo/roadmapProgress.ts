// Illustrative demo content written for the product, not taken from a seed document:
// where the municipality stands with the measures of seed 002's roadmap.
import type { MeasureStatus } from "@karta/schema";

/**
 * The «Статус» of each of the roadmap's 25 measures, by № (rows not named
 * keep an empty status): the January measures and the spring seminars done,
 * the quarterly ones in progress, one moved and one not done, so that
 * «Мониторинг» shows the municipality's own progress as well as the schools'.
 */
export const slavyanskRoadmapProgress: Readonly<Record<number, MeasureStatus>> = {
  1: "выполнено",
  2: "выполнено",
  3: "выполнено",
  4: "выполнено",
  5: "выполнено",
  6: "в работе",
  7: "в работе",
  8: "в работе",
  9: "выполнено",
  10: "в работе",
  11: "в работе",
  12: "выполнено",
  13: "в работе",
  14: "перенесено",
  15: "запланировано",
  17: "в работе",
  18: "в работе",
  19: "не выполнено",
  20: "в работе",
};

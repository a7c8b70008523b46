/** A growable array of doubles: hundreds of thousands of samples in a plain array would box every one. */
export class Samples {
  private data = new Float64Array(1 << 12);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

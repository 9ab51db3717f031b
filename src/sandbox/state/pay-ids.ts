/** PAYIDs that look like Ogone's: ten digits, counting up, unique within one sandbox. */
export class PayIds {
  #next = 3_000_000_000 + Math.floor(Math.random() * 900_000_000);

  next(): string {
    return String(this.#next++);
  }
}

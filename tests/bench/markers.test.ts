import { describe, expect, it } from 'vitest';
import { forEachMarker, marker } from '../../bench/lib/protocol';

/** What the load process used before the byte scan: the same markers, found with a regex. */
function byRegex(bytes: Uint8Array): Array<[number, number]> {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/~(\d+)\.(\d+)~/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function byScan(bytes: Uint8Array): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  forEachMarker(bytes, (writer, seq) => found.push([writer, seq]));
  return found;
}

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('bench markers', () => {
  it('finds every ~writer.seq~ marker, merged ones too, and nothing that only looks like one', () => {
    expect(byScan(ascii(`${marker(3, 41)}${marker(100_007, 0)}x${marker(12, 9)}`))).toEqual([
      [3, 41],
      [100_007, 0],
      [12, 9],
    ]);
    for (const text of ['~', '~~', '~1~', '~.1~', '~1.~', '~1.2', '1.2~', '~a.2~', '~1..2~']) {
      expect(byScan(ascii(text)), text).toEqual([]);
    }
    // A tilde that ends a failed attempt may start a marker.
    expect(byScan(ascii('~1.~2.3~'))).toEqual([[2, 3]]);
  });

  it('agrees with the regex on random bytes with markers in them', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
    const alphabet = ['~', '.', '0', '7', '9', 'a', '\u0000', '\u007f', '\u00fe'];
    for (let round = 0; round < 2_000; round++) {
      let text = '';
      const parts = 1 + Math.floor(random() * 8);
      for (let p = 0; p < parts; p++) {
        text +=
          random() < 0.5
            ? marker(Math.floor(random() * 200), Math.floor(random() * 100_000))
            : Array.from(
                { length: Math.floor(random() * 12) },
                () => alphabet[Math.floor(random() * alphabet.length)],
              ).join('');
      }
      const bytes = ascii(text);
      expect(byScan(bytes), JSON.stringify(text)).toEqual(byRegex(bytes));
    }
  });

  it('scans only the view it is given', () => {
    const whole = ascii(`${marker(1, 1)}${marker(2, 2)}${marker(3, 3)}`);
    const middle = whole.subarray(marker(1, 1).length, marker(1, 1).length + marker(2, 2).length);
    expect(byScan(middle)).toEqual([[2, 2]]);
  });
});

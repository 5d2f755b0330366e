/** Encodes text as Windows-1250, the way Excel in a Polish Windows saves "CSV": built from the decoder, so no extra package. */
const decoder = new TextDecoder('windows-1250');
const table = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b] as const));

export function encodeWindows1250(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const byte = table.get(c);
      if (byte === undefined) throw new Error(`"${c}" has no Windows-1250 byte`);
      return byte;
    }),
  );
}

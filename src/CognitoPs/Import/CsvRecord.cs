using System.Collections.Generic;

namespace CognitoPs
{
    /// <summary>One CSV record: the line it starts on, its fields, its length in characters, and whether a quote was left open.</summary>
    internal sealed class CsvRecord
    {
        public CsvRecord(int line, IReadOnlyList<string> fields, int length, bool unterminatedQuote)
        {
            Line = line;
            Fields = fields;
            Length = length;
            UnterminatedQuote = unterminatedQuote;
        }

        public int Line { get; }

        public IReadOnlyList<string> Fields { get; }

        public int Length { get; }

        public bool UnterminatedQuote { get; }

        /// <summary>An empty line (a trailing newline at the end of the file).</summary>
        public bool IsBlank => Fields.Count == 1 && Fields[0].Length == 0;
    }
}

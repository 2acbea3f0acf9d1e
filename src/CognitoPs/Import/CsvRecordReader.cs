using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CognitoPs
{
    /// <summary>
    /// Reads CSV records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) one at a time, with the
    /// line each starts on and its length in characters, so that a file of any size is checked in constant memory.
    /// </summary>
    internal sealed class CsvRecordReader
    {
        private readonly TextReader _reader;
        private int _line = 1;

        public CsvRecordReader(TextReader reader) => _reader = reader;

        /// <summary>The next record, or null at the end of the file.</summary>
        public CsvRecord? Next()
        {
            if (_reader.Peek() < 0)
            {
                return null;
            }

            var startLine = _line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var length = 0;
            var quoted = false;
            var unterminated = false;
            while (true)
            {
                var c = _reader.Read();
                if (c < 0)
                {
                    unterminated = quoted;
                    break;
                }

                length++;
                if (quoted)
                {
                    if (c == '"' && _reader.Peek() == '"')
                    {
                        _reader.Read();
                        length++;
                        field.Append('"');
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        _line += c == '\n' ? 1 : 0;
                        field.Append((char)c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && _reader.Peek() == '\n')
                    {
                        _reader.Read();
                    }

                    _line++;
                    break;
                }
                else
                {
                    field.Append((char)c);
                }
            }

            fields.Add(field.ToString());
            return new CsvRecord(startLine, fields, length, unterminated);
        }
    }
}

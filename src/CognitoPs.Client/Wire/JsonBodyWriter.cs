using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace CognitoPs.Client
{
    /// <summary>
    /// Writes a flat JSON request body into one byte buffer that it zeroes on growth and on dispose.
    /// A SecureString is encoded straight from its unmanaged copy into the buffer, so the password never
    /// becomes a managed string or passes through a pooled or temporary array (Utf8JsonWriter rents
    /// unzeroed pool arrays when it escapes long values, which is why this class exists).
    /// </summary>
    internal sealed class JsonBodyWriter : IDisposable
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        private byte[] _buffer;
        private int _length;
        private bool _needsComma;

        public JsonBodyWriter(int initialCapacity = 512)
        {
            _buffer = new byte[initialCapacity];
            Append((byte)'{');
        }

        /// <summary>The finished body (valid once <see cref="Close"/> was called). Do not keep it past <see cref="Dispose"/>.</summary>
        public ArraySegment<byte> Body => new ArraySegment<byte>(_buffer, 0, _length);

        public void WriteString(string name, string value)
        {
            WritePropertyName(name);
            WriteQuoted(value);
        }

        public void WriteBoolean(string name, bool value)
        {
            WritePropertyName(name);
            AppendAscii(value ? "true" : "false");
        }

        public void WriteNumber(string name, int value)
        {
            WritePropertyName(name);
            AppendAscii(value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary><c>"name":["a","b"]</c>.</summary>
        public void WriteStringList(string name, IEnumerable<string> values)
        {
            WritePropertyName(name);
            Append((byte)'[');
            var first = true;
            foreach (var value in values)
            {
                if (!first)
                {
                    Append((byte)',');
                }

                first = false;
                WriteQuoted(value);
            }

            Append((byte)']');
        }

        /// <summary><c>"name":{…}</c>, its members written by <paramref name="members"/>.</summary>
        public void WriteObject(string name, Action<JsonBodyWriter> members)
        {
            WritePropertyName(name);
            Append((byte)'{');
            _needsComma = false;
            members(this);
            Append((byte)'}');
            _needsComma = true;
        }

        /// <summary><c>"name":[{"Name":"email","Value":"a@example.com"}, …]</c>: Cognito's AttributeType list.</summary>
        public void WriteAttributeList(string name, IEnumerable<KeyValuePair<string, string>> attributes)
        {
            WritePropertyName(name);
            Append((byte)'[');
            var first = true;
            foreach (var attribute in attributes)
            {
                AppendAscii(first ? "{\"Name\":" : ",{\"Name\":");
                first = false;
                WriteQuoted(attribute.Key);
                AppendAscii(",\"Value\":");
                WriteQuoted(attribute.Value);
                Append((byte)'}');
            }

            Append((byte)']');
        }

        /// <summary>Writes <paramref name="secret"/> as a JSON string, reading it only from a zeroed-after-use unmanaged copy.</summary>
        public void WriteSecret(string name, SecureString secret)
        {
            WritePropertyName(name);
            var unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                unsafe
                {
                    WriteQuoted((char*)unmanaged, secret.Length);
                }
            }
            finally
            {
                if (unmanaged != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                }
            }
        }

        public void Close() => Append((byte)'}');

        public void Dispose()
        {
            Array.Clear(_buffer);
            _length = 0;
        }

        private void WritePropertyName(string name)
        {
            if (_needsComma)
            {
                Append((byte)',');
            }

            _needsComma = true;
            WriteQuoted(name);
            Append((byte)':');
        }

        private unsafe void WriteQuoted(string text)
        {
            fixed (char* chars = text)
            {
                WriteQuoted(chars, text.Length);
            }
        }

        /// <summary>
        /// Escapes as RFC 8259 requires (quote, backslash, control characters) and UTF-8-encodes runs of
        /// ordinary characters directly into the buffer. Unpaired surrogates are refused rather than
        /// silently replaced, because a replaced character would set a different password than the admin typed.
        /// </summary>
        private unsafe void WriteQuoted(char* chars, int count)
        {
            ThrowOnUnpairedSurrogate(chars, count);
            Append((byte)'"');
            var runStart = 0;
            for (var i = 0; i < count; i++)
            {
                var c = chars[i];
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    continue;
                }

                AppendUtf8(chars + runStart, i - runStart);
                AppendEscape(c);
                runStart = i + 1;
            }

            AppendUtf8(chars + runStart, count - runStart);
            Append((byte)'"');
        }

        private static unsafe void ThrowOnUnpairedSurrogate(char* chars, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < count && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    // No character value in the message: this text may be about a password.
                    throw new InputValidationException("UnpairedSurrogate",
                        $"A value contains an unpaired UTF-16 surrogate at position {i + 1}; it cannot be sent as UTF-8.", null, terminating: false);
                }
            }
        }

        private void AppendEscape(char c)
        {
            switch (c)
            {
                case '"': AppendAscii("\\\""); break;
                case '\\': AppendAscii("\\\\"); break;
                case '\n': AppendAscii("\\n"); break;
                case '\r': AppendAscii("\\r"); break;
                case '\t': AppendAscii("\\t"); break;
                default:
                    AppendAscii("\\u00");
                    Append(HexDigit(c >> 4));
                    Append(HexDigit(c & 0xF));
                    break;
            }
        }

        private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);

        private unsafe void AppendUtf8(char* chars, int count)
        {
            if (count == 0)
            {
                return;
            }

            EnsureCapacity(Utf8.GetMaxByteCount(count));
            fixed (byte* destination = &_buffer[_length])
            {
                _length += Utf8.GetBytes(chars, count, destination, _buffer.Length - _length);
            }
        }

        private void AppendAscii(string text)
        {
            EnsureCapacity(text.Length);
            foreach (var c in text)
            {
                _buffer[_length++] = (byte)c;
            }
        }

        private void Append(byte value)
        {
            EnsureCapacity(1);
            _buffer[_length++] = value;
        }

        private void EnsureCapacity(int extra)
        {
            if (_length + extra <= _buffer.Length)
            {
                return;
            }

            var larger = new byte[Math.Max(_buffer.Length * 2, _length + extra)];
            Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
            Array.Clear(_buffer);
            _buffer = larger;
        }
    }
}

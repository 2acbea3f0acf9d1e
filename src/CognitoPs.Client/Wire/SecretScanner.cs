using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace CognitoPs.Client
{
    /// <summary>
    /// Looks for a SecureString's value in a reply's raw bytes, before any part of the reply becomes a string: as
    /// plain UTF-8 and as it was written into the JSON request (escaped). The copies it compares are zeroed.
    /// Nothing here turns the secret into a managed string.
    /// </summary>
    internal static class SecretScanner
    {
        public static unsafe bool Contains(byte[] reply, SecureString secret)
        {
            if (reply.Length == 0 || secret.Length == 0)
            {
                return false;
            }

            using var escaped = new JsonBodyWriter();
            escaped.WriteSecret("s", secret);
            var written = escaped.Body;
            const int Opening = 6; // {"s":"  before the value, and one closing quote after it
            if (IndexOf(reply, new ReadOnlySpan<byte>(written.Array, written.Offset + Opening, written.Count - Opening - 1)))
            {
                return true;
            }

            var unmanaged = IntPtr.Zero;
            var utf8 = new byte[Encoding.UTF8.GetMaxByteCount(secret.Length)];
            var handle = GCHandle.Alloc(utf8, GCHandleType.Pinned);
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                var length = Encoding.UTF8.GetBytes((char*)unmanaged, secret.Length, (byte*)handle.AddrOfPinnedObject(), utf8.Length);
                return IndexOf(reply, new ReadOnlySpan<byte>(utf8, 0, length));
            }
            finally
            {
                if (unmanaged != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                }

                Array.Clear(utf8, 0, utf8.Length);
                handle.Free();
            }
        }

        /// <summary>
        /// The second look, at a message already parsed from the reply: a service that \u-escapes characters the first
        /// look compares raw would otherwise slip through.
        /// </summary>
        public static unsafe bool ContainsText(string? text, SecureString secret)
        {
            if (string.IsNullOrEmpty(text) || secret.Length == 0)
            {
                return false;
            }

            var unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return text.AsSpan().IndexOf(new ReadOnlySpan<char>((char*)unmanaged, secret.Length), StringComparison.Ordinal) >= 0;
            }
            finally
            {
                if (unmanaged != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                }
            }
        }

        private static bool IndexOf(byte[] reply, ReadOnlySpan<byte> value) => value.Length > 0 && reply.AsSpan().IndexOf(value) >= 0;
    }
}

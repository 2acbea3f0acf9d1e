using System;
using System.Runtime.InteropServices;
using System.Security;

namespace CognitoPs.Client
{
    /// <summary>Looks for a SecureString's value inside a text without turning the secret into a managed string.</summary>
    internal static class SecretScanner
    {
        public static unsafe bool Contains(string? text, SecureString secret)
        {
            if (string.IsNullOrEmpty(text) || secret.Length == 0)
            {
                return false;
            }

            var unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                var secretChars = new ReadOnlySpan<char>((char*)unmanaged, secret.Length);
                return text.AsSpan().IndexOf(secretChars, StringComparison.Ordinal) >= 0;
            }
            finally
            {
                if (unmanaged != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                }
            }
        }
    }
}

using System.Runtime.InteropServices;
using System.Security;

namespace CognitoPs.Client
{
    /// <summary>
    /// A SecureString's text, for the few places that must hand a string on (AWSSDK.Core's signer takes the secret key as
    /// one; its MFA callback returns the code as one). The unmanaged copy is zeroed at once.
    /// </summary>
    internal static class SecureStringText
    {
        public static string Of(SecureString secure)
        {
            var unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return Marshal.PtrToStringUni(unmanaged, secure.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }
    }
}

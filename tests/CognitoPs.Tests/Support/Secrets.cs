using System.Security;

namespace CognitoPs.Tests
{
    internal static class Secrets
    {
        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}

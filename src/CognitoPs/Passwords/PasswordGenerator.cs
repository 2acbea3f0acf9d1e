using System;
using System.Security;
using System.Security.Cryptography;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Random passwords that satisfy a pool's policy, drawn from the operating system's CSPRNG (unbiased, through
    /// <see cref="RandomNumberGenerator"/>'s own choice and shuffle) and built straight into a SecureString: characters
    /// pass only through a char array that is zeroed before returning, never a string.
    /// </summary>
    internal static class PasswordGenerator
    {
        public const int DefaultLength = 20;
        internal const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        internal const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
        internal const string Digits = "0123456789";

        /// <summary>Cognito's special characters (its password policy counts these as symbols), without space.</summary>
        internal const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

        internal const string AllCharacters = Uppercase + Lowercase + Digits + Symbols;
        private static readonly string[] Classes = { Uppercase, Lowercase, Digits, Symbols };

        /// <summary>At least <see cref="DefaultLength"/> characters (more if the policy asks), one of each class, the rest from all classes.</summary>
        public static SecureString Generate(PasswordPolicy policy)
        {
            var length = Math.Min(InputValidation.MaxPasswordLength, Math.Max(DefaultLength, policy.MinimumLength));
            var chars = new char[length];
            try
            {
                // One of every class, required or not: a password with all four satisfies any policy.
                for (var i = 0; i < Classes.Length; i++)
                {
                    chars[i] = Classes[i][RandomNumberGenerator.GetInt32(Classes[i].Length)];
                }

                RandomNumberGenerator.GetItems(AllCharacters, chars.AsSpan(Classes.Length));
                RandomNumberGenerator.Shuffle(chars.AsSpan()); // so the guaranteed characters are not always in front

                var password = new SecureString();
                foreach (var c in chars)
                {
                    password.AppendChar(c);
                }

                password.MakeReadOnly();
                return password;
            }
            finally
            {
                Array.Clear(chars);
            }
        }
    }
}

using System;
using System.Security;
using System.Security.Cryptography;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Random passwords that satisfy a pool's policy, drawn from a CSPRNG without modulo bias and built straight into a
    /// SecureString (characters pass only through a char array that is zeroed before returning, never a string).
    /// </summary>
    internal sealed class PasswordGenerator : IDisposable
    {
        public const int DefaultLength = 20;
        internal const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        internal const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
        internal const string Digits = "0123456789";

        /// <summary>Cognito's special characters (its password policy counts these as symbols), without space.</summary>
        internal const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

        private static readonly string AllCharacters = Uppercase + Lowercase + Digits + Symbols;
        private readonly RandomNumberGenerator _random = RandomNumberGenerator.Create();
        private readonly byte[] _four = new byte[4];

        /// <summary>At least <see cref="DefaultLength"/> characters (more if the policy asks), one of each required class, the rest from all classes.</summary>
        public SecureString Generate(PasswordPolicy policy)
        {
            var length = Math.Min(InputValidation.MaxPasswordLength, Math.Max(DefaultLength, policy.MinimumLength));
            var chars = new char[length];
            try
            {
                var next = 0;
                // One of every class, required or not: a password with all four satisfies any policy.
                foreach (var required in new[] { Uppercase, Lowercase, Digits, Symbols })
                {
                    chars[next++] = required[Uniform(required.Length)];
                }

                while (next < length)
                {
                    chars[next++] = AllCharacters[Uniform(AllCharacters.Length)];
                }

                // Fisher–Yates, so the guaranteed characters are not always in front.
                for (var i = length - 1; i > 0; i--)
                {
                    var j = Uniform(i + 1);
                    (chars[i], chars[j]) = (chars[j], chars[i]);
                }

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
                Array.Clear(chars, 0, chars.Length);
            }
        }

        public void Dispose() => _random.Dispose();

        /// <summary>A uniform integer in [0, bound): rejection sampling, since value % bound would favour small values.</summary>
        internal int Uniform(int bound)
        {
            var limit = uint.MaxValue - (uint.MaxValue % (uint)bound); // the largest multiple of bound that fits
            uint value;
            do
            {
                _random.GetBytes(_four);
                value = BitConverter.ToUInt32(_four, 0);
            }
            while (value >= limit);

            return (int)(value % (uint)bound);
        }
    }
}

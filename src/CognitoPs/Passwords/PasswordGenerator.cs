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

        /// <summary>A uniform integer in [0, bound), from this generator's CSPRNG.</summary>
        internal int Uniform(int bound) => Uniform(bound, NextUInt32);

        /// <summary>
        /// A uniform integer in [0, bound) from uniform 32-bit draws: rejection sampling, since value % bound would favour
        /// the residues of the values above the largest multiple of bound (the "modulo bias").
        /// </summary>
        internal static int Uniform(int bound, Func<uint> next)
        {
            var limit = RejectionLimit(bound);
            uint value;
            do
            {
                value = next();
            }
            while (value >= limit);

            return (int)(value % (uint)bound);
        }

        /// <summary>Draws at or above this are redrawn: it is the largest multiple of bound that fits in 32 bits.</summary>
        internal static uint RejectionLimit(int bound) => uint.MaxValue - (uint.MaxValue % (uint)bound);

        private uint NextUInt32()
        {
            _random.GetBytes(_four);
            return BitConverter.ToUInt32(_four, 0);
        }
    }
}

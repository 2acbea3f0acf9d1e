using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class PasswordGeneratorTests
    {
        internal static string Reveal(SecureString secure)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        [Fact]
        public void TenThousandPasswordsMeetTheStrictestPolicyAndAreAllDifferent()
        {
            var policy = new PasswordPolicy { MinimumLength = 12, RequireUppercase = true, RequireLowercase = true, RequireNumbers = true, RequireSymbols = true };
            var seen = new HashSet<string>(StringComparer.Ordinal);

            for (var i = 0; i < 10_000; i++)
            {
                var password = Reveal(PasswordGenerator.Generate(policy));
                Assert.Equal(PasswordGenerator.DefaultLength, password.Length);
                Assert.Contains(password, c => PasswordGenerator.Uppercase.Contains(c));
                Assert.Contains(password, c => PasswordGenerator.Lowercase.Contains(c));
                Assert.Contains(password, c => PasswordGenerator.Digits.Contains(c));
                Assert.Contains(password, c => PasswordGenerator.Symbols.Contains(c));
                Assert.DoesNotContain(password, c => char.IsWhiteSpace(c) || char.IsControl(c));
                Assert.True(seen.Add(password), "a password repeated");
            }
        }

        [Theory]
        [InlineData(6, 20)]
        [InlineData(20, 20)]
        [InlineData(99, 99)]
        public void LengthIsTheLongerOfTwentyAndThePolicyMinimum(int minimum, int expected)
        {
            var password = PasswordGenerator.Generate(new PasswordPolicy { MinimumLength = minimum });

            Assert.Equal(expected, password.Length);
            Assert.True(password.IsReadOnly());
        }

        [Fact]
        public void EveryCharacterIsDrawnAndTheGuaranteedOnesAreNotAlwaysInFront()
        {
            // The bounds are ones no correct generator can miss (2,000 to 2,700 of each character, the digits most, each
            // with a standard deviation under 60; the first four characters fall in class order in about 0.3 % of
            // passwords), yet a character never drawn, one drawn twice as often as it should be, or a missing shuffle
            // fails them.
            var counts = PasswordGenerator.AllCharacters.ToDictionary(c => c, _ => 0);
            var classOrderInFront = 0;
            for (var i = 0; i < 10_000; i++)
            {
                var password = Reveal(PasswordGenerator.Generate(new PasswordPolicy()));
                foreach (var c in password)
                {
                    counts[c]++;
                }

                if (PasswordGenerator.Uppercase.Contains(password[0]) && PasswordGenerator.Lowercase.Contains(password[1])
                    && PasswordGenerator.Digits.Contains(password[2]) && PasswordGenerator.Symbols.Contains(password[3]))
                {
                    classOrderInFront++;
                }
            }

            Assert.All(counts, pair => Assert.InRange(pair.Value, 1000, 4000));
            Assert.InRange(classOrderInFront, 0, 500);
        }

        [Fact]
        public void GeneratedPasswordsRoundTripThroughTheRequestWriter()
        {
            var password = PasswordGenerator.Generate(new PasswordPolicy());
            using var writer = new JsonBodyWriter();
            writer.WriteSecret("Password", password);
            writer.Close();

            using var parsed = System.Text.Json.JsonDocument.Parse(writer.Body);
            Assert.Equal(Reveal(password), parsed.RootElement.GetProperty("Password").GetString());
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
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
            using var generator = new PasswordGenerator();
            var seen = new HashSet<string>(StringComparer.Ordinal);

            for (var i = 0; i < 10_000; i++)
            {
                var password = Reveal(generator.Generate(policy));
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
            using var generator = new PasswordGenerator();

            var password = generator.Generate(new PasswordPolicy { MinimumLength = minimum });

            Assert.Equal(expected, password.Length);
            Assert.True(password.IsReadOnly());
        }

        [Fact]
        public void TheMappingFromDrawsCoversEveryCharacterEvenly()
        {
            // What this proves: no result is missing or grossly over- or under-drawn (a wrong index mapping, a short
            // alphabet). Fed by a seeded source, so it gives the same counts on every run. It cannot see modulo bias:
            // with 32-bit draws that is about 93 / 2^32, far below sampling noise; a test further down checks the
            // rejection rule that prevents it, exactly.
            var seeded = new Random(20261201);
            const int Bound = 93, Draws = 186_000;
            var counts = new int[Bound];
            for (var i = 0; i < Draws; i++)
            {
                counts[PasswordGenerator.Uniform(Bound, () => (uint)seeded.NextInt64(0, 1L << 32))]++;
            }

            Assert.All(counts, c => Assert.InRange(c, 1800, 2200));
        }

        [Fact]
        public void TheGeneratorsOwnDrawsReachEveryCharacter()
        {
            // The CSPRNG's draws, through the same mapping. The bound is one no correct generator can miss (each count
            // is about 2,000 with a standard deviation of 45; 1,000 is 22 deviations away), yet a character that is
            // never drawn, or one drawn twice as often as it should be, fails it.
            using var generator = new PasswordGenerator();
            const int Bound = 93, Draws = 186_000;
            var counts = new int[Bound];
            for (var i = 0; i < Draws; i++)
            {
                counts[generator.Uniform(Bound)]++;
            }

            Assert.All(counts, c => Assert.InRange(c, 1000, 3000));
        }

        [Theory]
        [InlineData(93)]
        [InlineData(26)]
        [InlineData(7)]
        public void DrawsInTheBiasedTailAreRedrawnSoEveryResultIsEquallyLikely(int bound)
        {
            var limit = PasswordGenerator.RejectionLimit(bound);
            // Accepted draws are exactly 0 .. limit-1: a whole number of blocks of `bound`, one result per residue per block.
            Assert.Equal(0u, limit % (uint)bound);
            Assert.True(uint.MaxValue - limit < (uint)bound, "more draws are thrown away than needed");

            // A draw in the tail would, by plain modulo, favour the smallest results: it must be redrawn instead.
            var draws = new Queue<uint>(new[] { uint.MaxValue, limit, limit - 1 });
            Assert.Equal((int)((limit - 1) % (uint)bound), PasswordGenerator.Uniform(bound, draws.Dequeue));
            Assert.Empty(draws);
        }

        [Fact]
        public void GeneratedPasswordsRoundTripThroughTheRequestWriter()
        {
            using var generator = new PasswordGenerator();
            var password = generator.Generate(new PasswordPolicy());
            using var writer = new JsonBodyWriter();
            writer.WriteSecret("Password", password);
            writer.Close();

            using var parsed = System.Text.Json.JsonDocument.Parse(writer.Body);
            Assert.Equal(Reveal(password), parsed.RootElement.GetProperty("Password").GetString());
        }
    }
}

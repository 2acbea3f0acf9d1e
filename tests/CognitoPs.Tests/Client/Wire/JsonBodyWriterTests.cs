using System;
using System.Text;
using System.Text.Json;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class JsonBodyWriterTests
    {
        private static string Text(JsonBodyWriter writer) => Encoding.UTF8.GetString(writer.Body.Array!, writer.Body.Offset, writer.Body.Count);

        [Fact]
        public void WritesTheExactAdminSetUserPasswordBody()
        {
            using var writer = new JsonBodyWriter();
            writer.WriteString("UserPoolId", "eu-west-1_Ab12");
            writer.WriteString("Username", "alice");
            writer.WriteSecret("Password", Secrets.Secure("Pa\"ss\\w0rd\n"));
            writer.WriteBoolean("Permanent", true);
            writer.Close();

            Assert.Equal("{\"UserPoolId\":\"eu-west-1_Ab12\",\"Username\":\"alice\",\"Password\":\"Pa\\\"ss\\\\w0rd\\n\",\"Permanent\":true}", Text(writer));
        }

        [Theory]
        [InlineData("plain")]
        [InlineData("quote\" backslash\\ slash/")]
        [InlineData("controls\u0000\u0001\u001f\t\r\n\b\f")]
        [InlineData("ünïcödé ñ 日本語 Ω")]
        [InlineData("emoji 😀🔑 pairs")]
        [InlineData("<script>&'+</script>")]
        [InlineData("\u2028\u2029\u007f")]
        public void SecretsAndStringsRoundTripThroughAStandardJsonParser(string value)
        {
            using var writer = new JsonBodyWriter(initialCapacity: 4); // forces several growths
            writer.WriteString("Plain", value);
            writer.WriteSecret("Secret", Secrets.Secure(value));
            writer.WriteNumber("Limit", 60);
            writer.Close();

            using var parsed = JsonDocument.Parse(writer.Body);
            Assert.Equal(value, parsed.RootElement.GetProperty("Plain").GetString());
            Assert.Equal(value, parsed.RootElement.GetProperty("Secret").GetString());
            Assert.Equal(60, parsed.RootElement.GetProperty("Limit").GetInt32());
        }

        [Fact]
        public void DisposeZeroesTheBuffer()
        {
            var writer = new JsonBodyWriter();
            writer.WriteSecret("Password", Secrets.Secure("zero-me-please"));
            writer.Close();
            var buffer = writer.Body.Array!;
            Assert.Contains(buffer, b => b != 0);

            writer.Dispose();

            Assert.All(buffer, b => Assert.Equal(0, b));
        }

        [Fact]
        public void GrowingZeroesTheBufferItLeaves()
        {
            using var writer = new JsonBodyWriter(initialCapacity: 16);
            writer.WriteSecret("P", Secrets.Secure("secret"));
            var before = writer.Body.Array!;
            Assert.Contains("secret", Encoding.UTF8.GetString(before));

            writer.WriteString("Padding", new string('x', 100));

            Assert.NotSame(before, writer.Body.Array);
            Assert.All(before, b => Assert.Equal(0, b));
        }

        [Fact]
        public void WritingASecretAllocatesNoManagedCopyOfIt()
        {
            var password = Secrets.Secure(new string('p', 200) + "\"\\");
            using var writer = new JsonBodyWriter(initialCapacity: 4096);
            writer.WriteSecret("warm-up", password); // JIT and first-use allocations happen here, not below

            var before = GC.GetAllocatedBytesForCurrentThread();
            writer.WriteSecret("Password", password);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // A string (or char[]) of the 202-character password would need over 400 bytes.
            Assert.True(allocated < 200, $"WriteSecret allocated {allocated} managed bytes.");
        }

        [Fact]
        public void AnUnpairedSurrogateIsRefusedWithoutQuotingTheValue()
        {
            using var writer = new JsonBodyWriter();
            var error = Assert.Throws<InputValidationException>(() => writer.WriteSecret("Password", Secrets.Secure("abc\ud800def")));

            Assert.Equal("UnpairedSurrogate", error.ErrorId);
            Assert.Contains("position 4", error.Message);
            Assert.DoesNotContain("abc", error.Message);
        }

        [Theory]
        [InlineData("Hunter2!", "{\"message\":\"Value 'Hunter2!' at 'password' failed\"}", true)]
        [InlineData("Hunter2!", "{\"message\":\"Value at 'password' failed\"}", false)]
        [InlineData("Hunter2!", "", false)]
        [InlineData("Qu\"ote\\d", "{\"message\":\"Value 'Qu\\\"ote\\\\d' failed\"}", true)] // as JSON escapes it
        [InlineData("Qu\"ote\\d", "<p>Value Qu\"ote\\d failed</p>", true)]                     // as it was typed
        [InlineData("Pässwörd", "{\"message\":\"Pässwörd\"}", true)]                           // UTF-8
        public void SecretScannerFindsTheSecretInTheRawReplyBytes(string password, string reply, bool found)
        {
            Assert.Equal(found, SecretScanner.Contains(System.Text.Encoding.UTF8.GetBytes(reply), Secrets.Secure(password)));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CognitoPs.Tests
{
    public class ImportFileCheckTests
    {
        private static readonly string[] Header = { "email", "email_verified", "phone_number", "phone_number_verified", "custom:team", "cognito:mfa_enabled", "cognito:username" };

        private static (ImportProblem[] Problems, int Rows) Check(string text, string[]? required = null, string[]? signIn = null)
        {
            var check = new ImportFileCheck(Header, required ?? Array.Empty<string>(), signIn ?? Array.Empty<string>());
            var problems = check.Check(new StringReader(text)).ToArray();
            return (problems, check.Rows);
        }

        private static string File(params string[] rows) => string.Join("\n", new[] { string.Join(",", Header) }.Concat(rows)) + "\n";

        [Fact]
        public void AGoodFileHasNoProblemsAndCountsItsRows()
        {
            var (problems, rows) = Check(File(",,,,ops,false,ann", "b@example.com,true,,,,FALSE,ben"));

            Assert.Empty(problems);
            Assert.Equal(2, rows);
        }

        [Fact]
        public void TheHeaderMustHoldExactlyTheColumnsInAnyOrder()
        {
            var reordered = string.Join(",", Header.Reverse()) + "\nann,false,,,,,\n";
            var (missing, _) = Check("email,cognito:username,extra\nx,y,z\n");

            Assert.Empty(Check(reordered).Problems);
            var problem = Assert.Single(missing);
            Assert.Equal(("ImportHeaderMismatch", 1), (problem.ErrorId, problem.Line));
            Assert.Contains("missing email_verified", problem.Message);
            Assert.Contains("not in the pool extra", problem.Message);
        }

        [Theory]
        [InlineData(",,,,ops,false,", "ImportUsernameMissing")]
        [InlineData(",,,,ops,yes,ann", "ImportInvalidBoolean")]
        [InlineData(",maybe,,,ops,false,ann", "ImportInvalidBoolean")]
        [InlineData(",,,,ops,false", "ImportRowFieldCount")]
        public void ABadRowIsNamedByItsLine(string row, string errorId)
        {
            var problem = Assert.Single(Check(File(",,,,ok,false,first", row)).Problems);

            Assert.Equal((errorId, 3), (problem.ErrorId, problem.Line));
        }

        [Fact]
        public void AUserTwiceInTheFileNamesTheFirstLineCaseInsensitively()
        {
            var problem = Assert.Single(Check(File(",,,,,false,Ann", ",,,,,false,ann")).Problems);

            Assert.Equal("ImportDuplicateUsername", problem.ErrorId);
            Assert.Contains("already on line 2", problem.Message);
        }

        [Fact]
        public void ARowOverSixteenThousandCharactersIsRefused()
        {
            var problem = Assert.Single(Check(File(",,,," + new string('x', 16_001) + ",false,ann")).Problems);

            Assert.Equal("ImportRowTooLong", problem.ErrorId);
        }

        [Fact]
        public void RequiredAttributesAndVerifiedSignInAttributesAreChecked()
        {
            var (required, _) = Check(File(",,,,,false,ann"), required: new[] { "email" });
            var (unverified, _) = Check(File("a@example.com,false,,,,false,ann"), signIn: new[] { "email", "preferred_username" });
            var (verified, _) = Check(File("a@example.com,true,,,,false,ann"), signIn: new[] { "email" });

            Assert.Equal("ImportRequiredAttributeMissing", Assert.Single(required).ErrorId);
            Assert.Equal("ImportSignInAttributeNotVerified", Assert.Single(unverified).ErrorId);
            Assert.Empty(verified);
        }

        [Fact]
        public void AnEmptyFileIsOneProblem()
        {
            Assert.Equal("ImportFileEmpty", Assert.Single(Check("").Problems).ErrorId);
        }
    }
}

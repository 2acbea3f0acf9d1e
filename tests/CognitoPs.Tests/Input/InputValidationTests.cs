using Xunit;

namespace CognitoPs.Tests
{
    public class InputValidationTests
    {
        [Theory]
        [InlineData(null, "UsernameMissing")]
        [InlineData("", "UsernameMissing")]
        [InlineData("   ", "UsernameMissing")]
        [InlineData("tab\there", "UsernameInvalidCharacter")]
        [InlineData("new\nline", "UsernameInvalidCharacter")]
        [InlineData("two words", "UsernameInvalidCharacter")]
        [InlineData(" leading", "UsernameInvalidCharacter")]
        [InlineData("nbsp\u00a0inside", "UsernameInvalidCharacter")]
        public void BadUsernamesAreRefusedWithASpecificId(string? username, string errorId)
        {
            var error = Assert.Throws<InputValidationException>(() => InputValidation.CheckUsername(username, fromCommandLine: false));

            Assert.Equal(errorId, error.ErrorId);
            Assert.False(error.Terminating);
        }

        [Theory]
        [InlineData(null, "GroupNameMissing")]
        [InlineData("", "GroupNameMissing")]
        [InlineData("two words", "GroupNameInvalidCharacter")]
        [InlineData("tab\there", "GroupNameInvalidCharacter")]
        public void BadGroupNamesAreRefusedWithASpecificId(string? groupName, string errorId)
        {
            var error = Assert.Throws<InputValidationException>(() => InputValidation.CheckGroupName(groupName, fromCommandLine: true));

            Assert.Equal(errorId, error.ErrorId);
            Assert.True(error.Terminating);
        }

        [Fact]
        public void GroupNamesUpTo128CharactersPass()
        {
            InputValidation.CheckGroupName(new string('g', 128), false);
            InputValidation.CheckGroupName("team:ops/eu", false);
            Assert.Equal("GroupNameTooLong", Assert.Throws<InputValidationException>(() => InputValidation.CheckGroupName(new string('g', 129), false)).ErrorId);
        }

        [Fact]
        public void UsernamesUpTo128CharactersPass()
        {
            InputValidation.CheckUsername(new string('a', 128), false);
            InputValidation.CheckUsername("ann@example.com", false);
            var error = Assert.Throws<InputValidationException>(() => InputValidation.CheckUsername(new string('a', 129), false));
            Assert.Equal("UsernameTooLong", error.ErrorId);
            Assert.Contains("129", error.Message);
        }

        [Theory]
        [InlineData("eu-west-1_Ab12CdE3f")]
        [InlineData("local_3FpSStWa")]
        [InlineData("us-gov-west-1_X")]
        public void WellFormedPoolIdsPass(string userPoolId) => InputValidation.CheckUserPoolId(userPoolId, true);

        [Theory]
        [InlineData(null, "UserPoolIdMissing")]
        [InlineData("", "UserPoolIdMissing")]
        [InlineData("eu-west-1", "InvalidUserPoolId")]
        [InlineData("eu-west-1_", "InvalidUserPoolId")]
        [InlineData("eu west-1_Ab12", "InvalidUserPoolId")]
        [InlineData("eu-west-1_Ab-12", "InvalidUserPoolId")]
        [InlineData("eu-west-1_Ab12\n", "InvalidUserPoolId")]
        public void MalformedPoolIdsAreRefused(string? userPoolId, string errorId)
        {
            var error = Assert.Throws<InputValidationException>(() => InputValidation.CheckUserPoolId(userPoolId, shared: true));

            Assert.Equal(errorId, error.ErrorId);
            Assert.True(error.Terminating);
        }

        [Fact]
        public void PasswordLengthIsCheckedWithoutReadingIt()
        {
            InputValidation.CheckPassword(Secrets.Secure(new string('x', 256)));
            Assert.Equal("PasswordEmpty", Assert.Throws<InputValidationException>(() => InputValidation.CheckPassword(Secrets.Secure(""))).ErrorId);
            Assert.Equal("PasswordEmpty", Assert.Throws<InputValidationException>(() => InputValidation.CheckPassword(null)).ErrorId);
            var tooLong = Assert.Throws<InputValidationException>(() => InputValidation.CheckPassword(Secrets.Secure(new string('x', 257))));
            Assert.Equal("PasswordTooLong", tooLong.ErrorId);
            Assert.DoesNotContain("xxx", tooLong.Message);
        }
    }
}

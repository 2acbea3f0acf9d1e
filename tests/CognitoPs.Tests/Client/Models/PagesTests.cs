using System.Collections.Generic;
using System.Threading.Tasks;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class PagesTests
    {
        [Fact]
        public async Task ReadsOnThroughShortAndEmptyPagesUntilAPageComesWithoutAToken()
        {
            // As Cognito pages: a page may be empty and still carry a token; only a missing token ends the list.
            var pages = new Dictionary<string, Page<string>>
            {
                [""] = new Page<string>(new[] { "a", "b" }, "t1"),
                ["t1"] = new Page<string>(new string[0], "t2"),
                ["t2"] = new Page<string>(new[] { "c" }, null),
            };
            var asked = new List<string?>();

            var all = await Pages.AllAsync(token =>
            {
                asked.Add(token);
                return Task.FromResult(pages[token ?? ""]);
            });

            Assert.Equal(new[] { "a", "b", "c" }, all);
            Assert.Equal(new string?[] { null, "t1", "t2" }, asked);
        }
    }
}

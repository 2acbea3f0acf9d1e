using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using CognitoPs.Commands;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The split that lets the module share a session with AWS.Tools (the isolation itself is tested in Pester).</summary>
    public class ModuleLoadContextTests
    {
        [Fact]
        public void TheCmdletAssemblyReferencesTheClientButNoneOfItsPrivateDependencies()
        {
            // CognitoPs.dll loads in PowerShell's own context: a reference to AWSSDK.Core there would bind another
            // module's copy (or fail against it), which is what the split exists to prevent.
            var references = typeof(CognitoCmdlet).Assembly.GetReferencedAssemblies().Select(name => name.Name).ToList();

            Assert.Contains("CognitoPs.Client", references);
            Assert.DoesNotContain("AWSSDK.Core", references);
            Assert.DoesNotContain("System.IO.Hashing", references);
        }

        [Theory]
        [InlineData("AWSSDK.Core")]
        [InlineData("CognitoPs")]
        [InlineData("System.IO.Hashing")]
        public void TheResolvingHookAnswersOnlyForTheClient(string name)
        {
            Assert.Null(ModuleLoadContext.ResolveClient(AssemblyLoadContext.Default, new AssemblyName(name)));
        }
    }
}

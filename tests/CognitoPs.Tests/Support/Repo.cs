using System;
using System.IO;

namespace CognitoPs.Tests
{
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CognitoPs.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (CognitoPs.sln) above " + AppContext.BaseDirectory);
        }
    }
}

using System;

namespace CognitoPs.Client
{
    /// <summary>
    /// A file an export or import cannot use: missing, locked, unreadable, in the way, or not what -Resume expects.
    /// (In the client's assembly, like every <see cref="CognitoException"/>: a module type derived from a client type
    /// would load the client before the module's load context is set up.)
    /// </summary>
    public sealed class UserFileException : CognitoException
    {
        public UserFileException(string message, Exception? inner = null, bool exists = false)
            : base(message, inner) => Exists = exists;

        /// <summary>The file is already there (and -Force was not given).</summary>
        public bool Exists { get; }
    }
}

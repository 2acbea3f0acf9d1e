using System;

namespace CognitoPs.Client
{
    /// <summary>
    /// A failure the module reports to the user as an error record: the service's answer, the network, a setting, or
    /// input refused before sending. Every such failure derives from this class, so that this class is the one list of
    /// what is reportable; any other exception is a bug and surfaces as one.
    /// </summary>
    public abstract class CognitoException : Exception
    {
        protected CognitoException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace ClusterlessHpc.Testing
{
    /// <summary>
    /// A self-signed certificate for 127.0.0.1 that the tests create, and the HTTP transport that trusts exactly it,
    /// so clients (and Azure.Identity) talk HTTPS to the emulator and the token endpoint without touching the system store.
    /// </summary>
    internal sealed class TestCertificate : IDisposable
    {
        public TestCertificate()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            // Reloaded from PKCS#12 so the private key is usable by TLS on every platform.
            Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        }

        public X509Certificate2 Certificate { get; }

        /// <summary>A transport that accepts the server certificate only when it is this one.</summary>
        public HttpClientTransport Transport() => new(new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
        }));

        public void Dispose() => Certificate.Dispose();
    }
}

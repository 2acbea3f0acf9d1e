# Starts and stops the loopback servers the tests and the demo talk to: the cognito-local emulator and
# our fake Cognito (tests/endpoint/fake-cognito.js). Each gets a free port and its own working folder.
Set-StrictMode -Version 3

$script:EndpointDir = Join-Path $PSScriptRoot 'endpoint'

function Install-TestEndpointPackages {
    # npm ci keeps the versions package-lock.json pins; it is skipped when node_modules already matches.
    $marker = Join-Path $script:EndpointDir 'node_modules/.package-lock.json'
    $lock = Join-Path $script:EndpointDir 'package-lock.json'
    if ((Test-Path $marker) -and (Get-Item -Force $marker).LastWriteTimeUtc -ge (Get-Item $lock).LastWriteTimeUtc) { return }
    Push-Location $script:EndpointDir
    try {
        & npm ci --no-audit --no-fund --loglevel=error | Out-Host
        if ($LASTEXITCODE) { throw "npm ci failed in $script:EndpointDir (exit $LASTEXITCODE)" }
    } finally { Pop-Location }
}

function Get-NuGetPackagesPath {
    <# Where `dotnet restore` puts packages: $env:NUGET_PACKAGES, else the user's global packages folder. #>
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-TcpPort([int] $Port, [System.Diagnostics.Process] $Process, [string] $Name, [string] $Log) {
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($Process.HasExited) { throw "$Name exited early (code $($Process.ExitCode)); see $Log" }
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect([System.Net.IPAddress]::Loopback, $Port); return } catch { Start-Sleep -Milliseconds 100 } finally { $client.Dispose() }
    }
    Stop-Process -Id $Process.Id -Force -ErrorAction SilentlyContinue
    throw "$Name did not listen on port $Port within 30 s; see $Log"
}

function Start-NodeServer([string] $Name, [string] $Script, [string] $WorkingDirectory, [hashtable] $Environment = @{}) {
    $port = Get-FreeLoopbackPort
    $env = @{ HOST = '127.0.0.1'; PORT = "$port" } + $Environment
    $log = Join-Path $WorkingDirectory "$Name.log"
    $process = Start-Process -FilePath 'node' -ArgumentList $Script -WorkingDirectory $WorkingDirectory -Environment $env `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err" -PassThru
    Wait-TcpPort -Port $port -Process $process -Name $Name -Log $log
    [pscustomobject]@{ Name = $Name; Url = "http://127.0.0.1:$port"; Process = $process; Directory = $WorkingDirectory }
}

function Start-CognitoLocal {
    <# cognito-local 5.3.0 in a fresh data folder; plain user names (not emails). #>
    $data = Join-Path ([IO.Path]::GetTempPath()) "cognitops-emulator-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path (Join-Path $data '.cognito') -Force | Out-Null
    '{"UserPoolDefaults":{"UsernameAttributes":[]}}' | Set-Content -Path (Join-Path $data '.cognito/config.json') -Encoding utf8NoBOM
    $script = Join-Path $script:EndpointDir 'node_modules/cognito-local/lib/bin/start.js'
    Start-NodeServer -Name 'cognito-local' -Script $script -WorkingDirectory $data
}

function Start-FakeCognito {
    <# Our Cognito stand-in for error paths the emulator cannot produce; it verifies SigV4. #>
    $dir = Join-Path ([IO.Path]::GetTempPath()) "cognitops-fake-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    Start-NodeServer -Name 'fake-cognito' -Script (Join-Path $script:EndpointDir 'fake-cognito.js') -WorkingDirectory $dir
}

function Start-FaultGateway {
    <# tests/endpoint/fault-gateway.js in front of -Upstream (normally cognito-local): SigV4 checks and injected faults. #>
    param([Parameter(Mandatory)] [string] $Upstream)
    $dir = Join-Path ([IO.Path]::GetTempPath()) "cognitops-gateway-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    Start-NodeServer -Name 'fault-gateway' -Script (Join-Path $script:EndpointDir 'fault-gateway.js') -WorkingDirectory $dir -Environment @{ UPSTREAM = $Upstream }
}

function Start-AwsAuthStandIn {
    <# tests/endpoint/aws-auth.js: STS, the IAM Identity Center portal and its OIDC service, for the credential tests. #>
    $dir = Join-Path ([IO.Path]::GetTempPath()) "cognitops-auth-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    Start-NodeServer -Name 'aws-auth' -Script (Join-Path $script:EndpointDir 'aws-auth.js') -WorkingDirectory $dir
}

function Start-SdkProxy {
    <# tests/endpoint/sdk-proxy.js: Cognito calls through the AWS JS SDK, to read state back independently of CognitoPs. #>
    $dir = Join-Path ([IO.Path]::GetTempPath()) "cognitops-sdk-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    Start-NodeServer -Name 'sdk-proxy' -Script (Join-Path $script:EndpointDir 'sdk-proxy.js') -WorkingDirectory $dir `
        -Environment @{ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true' }
}

function Invoke-JsSdk {
    <#
    Calls -Operation on -Endpoint through the AWS JS SDK (via the proxy at -ProxyUrl) and returns its output;
    a service error is thrown as "<ErrorName>: <message>".
    #>
    param([Parameter(Mandatory)] [string] $ProxyUrl, [Parameter(Mandatory)] [string] $Endpoint,
        [Parameter(Mandatory)] [string] $Operation, [hashtable] $Body = @{})
    $request = @{ endpoint = $Endpoint; operation = $Operation; input = $Body } | ConvertTo-Json -Depth 10 -Compress
    $result = Invoke-RestMethod -Method Post -Uri "$ProxyUrl/call" -ContentType 'application/json' -Body $request
    if ($result.PSObject.Properties.Name -contains 'error') { throw "$($result.error.name): $($result.error.message)" }
    $result.output
}

function Stop-TestServer([Parameter(ValueFromPipeline)] $Server) {
    process {
        if ($null -eq $Server) { return }
        if (-not $Server.Process.HasExited) { $Server.Process.Kill($true); $Server.Process.WaitForExit(5000) | Out-Null }
        Remove-Item -LiteralPath $Server.Directory -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-CognitoApi {
    <#
    Calls the emulator's JSON 1.1 API directly, independently of CognitoPs: test set-up and state checks.
    cognito-local checks no signature, so none is sent.
    #>
    param([Parameter(Mandatory)] [string] $Url, [Parameter(Mandatory)] [string] $Operation, [hashtable] $Body = @{})
    Invoke-RestMethod -Method Post -Uri $Url -ContentType 'application/x-amz-json-1.1' `
        -Headers @{ 'X-Amz-Target' = "AWSCognitoIdentityProviderService.$Operation" } -Body ($Body | ConvertTo-Json -Depth 10 -Compress)
}

function New-EmulatorPool {
    <# A pool with an admin-auth app client and the given users (temporary passwords, FORCE_CHANGE_PASSWORD). #>
    param([Parameter(Mandatory)] [string] $Url, [string] $Name = 'cognitops-test', [string[]] $Username = @())
    $pool = (Invoke-CognitoApi -Url $Url -Operation CreateUserPool -Body @{ PoolName = $Name }).UserPool
    $client = (Invoke-CognitoApi -Url $Url -Operation CreateUserPoolClient -Body @{
            UserPoolId = $pool.Id; ClientName = 'tests'; ExplicitAuthFlows = @('ADMIN_USER_PASSWORD_AUTH') }).UserPoolClient
    foreach ($user in $Username) {
        Invoke-CognitoApi -Url $Url -Operation AdminCreateUser -Body @{
            UserPoolId = $pool.Id; Username = $user; TemporaryPassword = 'Initial-Temp-1'; MessageAction = 'SUPPRESS' } | Out-Null
    }
    [pscustomobject]@{ Id = $pool.Id; ClientId = $client.ClientId; Url = $Url }
}

Export-ModuleMember -Function Install-TestEndpointPackages, Get-NuGetPackagesPath, Start-NodeServer, Start-CognitoLocal, Start-FakeCognito, Start-FaultGateway, Start-AwsAuthStandIn, Start-SdkProxy, Invoke-JsSdk, Stop-TestServer, Invoke-CognitoApi, New-EmulatorPool

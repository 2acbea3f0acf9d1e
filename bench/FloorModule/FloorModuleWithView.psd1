@{
    RootModule        = 'FloorModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '9a3c6e2d-7b14-4f0a-8e25-6d1f4b9c3a72'
    CmdletsToExport   = @('Get-FloorUser')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
    FormatsToProcess  = @('FloorModule.Format.ps1xml')
}

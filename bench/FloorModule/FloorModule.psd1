@{
    RootModule        = 'FloorModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0d6f2f5e-8a51-4c5e-9d0e-3f1b7c2a9e41'
    CmdletsToExport   = @('Get-FloorUser')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}

import TiendoCLI

await TiendoCommand.runFromCommandLine()

import TiendoCLI

TiendoCommand.main()
